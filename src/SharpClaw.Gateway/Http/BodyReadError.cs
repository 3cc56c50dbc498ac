namespace SharpClaw.Gateway.Http;

/// <summary>Why a request body could not be used.</summary>
internal enum BodyReadError
{
    None,
    TooLarge,
    Timeout,
    Invalid,
}
