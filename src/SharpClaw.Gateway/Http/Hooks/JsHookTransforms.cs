using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Native.Json;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// Runs JavaScript webhook transforms in-process with Jint: no CLR access, no imports, no timers or I/O, and per
/// call a wall-time budget, a memory limit, a recursion limit and a statement limit. Each call gets a fresh engine
/// (an engine is not thread-safe; a fresh one costs well under a millisecond); the parsed module is cached per
/// file and re-read when its modification time or size changes.
/// </summary>
internal sealed class JsHookTransforms(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, JsTransformModule> _modules = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>A transform calling <paramref name="exportName"/> (or default/transform) of the module at <paramref name="file"/>.</summary>
    public IHookTransform For(string file, string? exportName, JsTransformLimits limits) => new JsHookTransform(this, file, exportName, limits);

    /// <summary>Calls the transform with <paramref name="input"/>; null means skip (the function returned null).</summary>
    public async Task<JsonObject?> RunAsync(string file, string? exportName, JsonObject input, JsTransformLimits limits, CancellationToken cancellationToken)
    {
        var module = Load(file, limits);
        var started = time.GetTimestamp();
        if (!await _slots.WaitAsync(limits.Timeout, cancellationToken))
        {
            throw new TimeoutException($"no free slot to run a hook transform within {limits.Timeout.TotalMilliseconds} ms");
        }

        try
        {
            return Run(module, exportName, input, limits, limits.Timeout - time.GetElapsedTime(started), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static JsonObject? Run(JsTransformModule module, string? exportName, JsonObject input, JsTransformLimits limits, TimeSpan budget, CancellationToken cancellationToken)
    {
        if (budget <= TimeSpan.Zero)
        {
            throw new TimeoutException("the hook transform ran out of time before it started");
        }

        var deadline = new OperationDeadlineConstraint();
        var engine = new Engine(o => o
            .Constraint(deadline)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.RecursionDepth)
            .MaxStatements(limits.MaxStatements)
            .DisableStringCompilation());
        deadline.Begin(budget, cancellationToken);
        try
        {
            var function = module.Function(engine, exportName);
            var argument = new JsonParser(engine).Parse(input.ToJsonString());
            if (argument is Jint.Native.Object.ObjectInstance context && context.Get("url") is JsString href)
            {
                context.Set("url", JsUrlObject.Create(engine, href.ToString()));
            }

            var result = engine.Call(function, argument).UnwrapIfPromise(budget);
            return ToOverrides(engine, result, limits);
        }
        finally
        {
            deadline.End();
            engine.Dispose();
        }
    }

    /// <summary>null → skip; an object → its JSON; anything else (undefined, a string, an array) → no overrides.</summary>
    private static JsonObject? ToOverrides(Engine engine, JsValue result, JsTransformLimits limits)
    {
        if (result.IsNull())
        {
            return null;
        }

        if (!result.IsObject() || result.IsArray() || result.IsCallable())
        {
            return [];
        }

        var json = new JsonSerializer(engine).Serialize(result);
        var text = json.IsString() ? json.AsString() : "{}";
        if (text.Length > limits.MaxResultChars)
        {
            throw new InvalidDataException($"the hook transform returned more than {limits.MaxResultChars} characters of JSON");
        }

        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    private JsTransformModule Load(string file, JsTransformLimits limits)
    {
        var info = new FileInfo(file);
        if (_modules.TryGetValue(file, out var cached) && cached.IsCurrent(info))
        {
            return cached;
        }

        var loaded = JsTransformModule.Load(info, limits.MaxSourceBytes);
        _modules[file] = loaded;
        return loaded;
    }

    private sealed class JsHookTransform(JsHookTransforms owner, string file, string? exportName, JsTransformLimits limits) : IHookTransform
    {
        public Task<JsonObject?> TransformAsync(JsonObject input, CancellationToken cancellationToken) => owner.RunAsync(file, exportName, input, limits, cancellationToken);
    }
}
