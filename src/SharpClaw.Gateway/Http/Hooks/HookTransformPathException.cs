namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>A <c>hooks.transformsDir</c> or <c>transform.module</c> that may not be used; the message says why and how to fix it.</summary>
internal sealed class HookTransformPathException(string message) : Exception(message);
