using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpClaw.Gateway.Http;

/// <summary>A parsed JSON body, or why there is none (mapped to 413 / 408 / 400).</summary>
internal sealed record BodyReadResult(JsonNode? Body, BodyReadError Error, string? Message)
{
    public bool IsOk => Error == BodyReadError.None;

    public int StatusCode => Error switch
    {
        BodyReadError.TooLarge => StatusCodes.Status413PayloadTooLarge,
        BodyReadError.Timeout => StatusCodes.Status408RequestTimeout,
        _ => StatusCodes.Status400BadRequest,
    };

    public static BodyReadResult Ok(JsonNode? body) => new(body, BodyReadError.None, null);

    public static BodyReadResult Fail(BodyReadError error, string message) => new(null, error, message);
}
