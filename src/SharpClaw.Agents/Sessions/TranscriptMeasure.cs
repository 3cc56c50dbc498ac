using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace SharpClaw.Agents.Sessions;

/// <summary>
/// Size of a transcript event's message in serialized characters (the basis of the 4-characters-per-token
/// estimate). Stored events are immutable (see <see cref="SessionStore.ReadEventsAsync"/>), so each is measured once.
/// </summary>
public static class TranscriptMeasure
{
    private static readonly ConditionalWeakTable<JsonObject, StrongBox<long>> Sizes = new();

    public static long MessageChars(JsonObject evt) => Sizes.GetValue(evt, static e => new StrongBox<long>(e["message"]?.ToJsonString().Length ?? 0)).Value;
}
