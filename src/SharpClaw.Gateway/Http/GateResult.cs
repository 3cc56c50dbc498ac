using System.Text.Json.Nodes;

namespace SharpClaw.Gateway.Http;

/// <summary>A request that passed the compat gate: its JSON body and who sent it.</summary>
internal sealed record GateResult(JsonNode Body, HttpAuthResult Auth);
