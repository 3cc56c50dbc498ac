using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary>Shapes used by several sections: model refs, thinking levels, identities, tool policies.</summary>
internal static class CommonSections
{
    public static readonly string[] ThinkingLevels = ["off", "minimal", "low", "medium", "high", "xhigh", "adaptive", "max", "ultra"];

    public const string AgentIdPattern = "[a-zA-Z0-9_][a-zA-Z0-9_-]{0,63}";

    public const string AgentIdHint = "letters, digits, _ and - (at most 64, not starting with -)";

    public static UnionSchema ModelRef(string? description = null) => OneOf(description ?? "\"provider/model\" or an alias, or { primary, fallbacks }",
        NonEmpty("provider/model or alias"),
        Obj("model with fallbacks", ("primary", NonEmpty("provider/model or alias")), ("fallbacks", Strs("tried in order when the primary fails"))));

    public static ObjectSchema Identity() => Open("how the agent presents itself",
        ("name", Str()), ("emoji", Str()), ("avatar", Str("image path, http(s) URL or data URI")), ("theme", Str()));

    public static ObjectSchema ToolPolicy(string description) => Open(description,
        ("profile", Enum("base allowlist: minimal, coding, messaging or full (unset = full)", ["minimal", "coding", "messaging", "full"])),
        ("allow", Strs("tools or groups allowed (replaces the profile)")),
        ("alsoAllow", Strs("tools or groups added to the profile")),
        ("deny", Strs("tools or groups denied (deny wins)")));
}
