using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// One parsed transform file (parsed once, run in a fresh engine per call): an ES module
/// (<c>export default function</c>, <c>export function transform</c>, other named exports), or CommonJS
/// (<c>module.exports = fn</c> / <c>exports.transform = fn</c>) when the file has no <c>export</c> or ends in <c>.cjs</c>.
/// Other modules cannot be imported.
/// </summary>
internal sealed class JsTransformModule
{
    private const string Specifier = "hook-transform";
    private static readonly string[] FallbackExports = ["default", "transform"];
    private readonly Prepared<Module>? _module;
    private readonly Prepared<Script>? _script;

    private JsTransformModule(FileInfo file, Prepared<Module>? module, Prepared<Script>? script)
    {
        LastWriteUtc = file.LastWriteTimeUtc;
        Length = file.Length;
        _module = module;
        _script = script;
    }

    public DateTime LastWriteUtc { get; }

    public long Length { get; }

    public static JsTransformModule Load(FileInfo file, long maxSourceBytes)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"hook transform module {file.FullName} does not exist");
        }

        if (file.Length > maxSourceBytes)
        {
            throw new InvalidDataException($"hook transform module {file.FullName} is larger than {maxSourceBytes} bytes");
        }

        var code = File.ReadAllText(file.FullName);
        var extension = file.Extension.ToLowerInvariant();
        if (extension != ".cjs")
        {
            var module = Engine.PrepareModule(code, file.Name);
            if (extension == ".mjs" || module.Program!.Body.Any(n => n is ExportDefaultDeclaration or ExportNamedDeclaration or ExportAllDeclaration))
            {
                return new JsTransformModule(file, module, null);
            }
        }

        return new JsTransformModule(file, null, Engine.PrepareScript(code, file.Name));
    }

    public bool IsCurrent(FileInfo file) => file.Exists && file.LastWriteTimeUtc == LastWriteUtc && file.Length == Length;

    /// <summary>Evaluates the module in <paramref name="engine"/> and returns the function to call.</summary>
    public JsValue Function(Engine engine, string? exportName)
    {
        Func<string, JsValue> exports;
        if (_module is { } module)
        {
            engine.Modules.Add(Specifier, b => b.AddModule(module));
            var ns = engine.Modules.Import(Specifier);
            exports = name => ns.Get(name);
        }
        else
        {
            engine.Execute("var module = { exports: {} }; var exports = module.exports;");
            engine.Execute(_script!.Value);
            var value = engine.GetValue("module").AsObject().Get("exports");
            exports = name => name == "default" ? value : value is ObjectInstance o ? o.Get(name) : JsValue.Undefined;
        }

        var candidates = exportName is null ? FallbackExports : [exportName];
        return candidates.Select(exports).FirstOrDefault(v => v.IsCallable())
            ?? throw new InvalidOperationException(exportName is null ? "hook transform module must export a function (default or transform)" : $"hook transform module must export a function named \"{exportName}\"");
    }
}
