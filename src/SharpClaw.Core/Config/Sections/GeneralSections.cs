using SharpClaw.Core.Config.Schema;
using static SharpClaw.Core.Config.Schema.Schemas;

namespace SharpClaw.Core.Config.Sections;

/// <summary><c>logging</c>, <c>ui</c>, <c>wizard</c>, <c>meta</c>, <c>env</c>, <c>channels</c>, <c>auth</c>.</summary>
internal static class GeneralSections
{
    public static readonly string[] LogLevels = ["silent", "fatal", "error", "warn", "info", "debug", "trace"];

    public static ObjectSchema Logging() => Open("logging",
        ("level", Enum("minimum file log level", LogLevels, "info")),
        ("consoleLevel", Enum("minimum console log level", LogLevels)),
        ("consoleStyle", Str()),
        ("file", Str("log file path")),
        ("maxFileBytes", ByteSize()),
        ("redactSensitive", Str()),
        ("redactPatterns", Strs("extra redaction regexes")));

    public static ObjectSchema Ui() => Open("Control UI settings",
        ("seamColor", Str()),
        ("assistant", Open(null, ("name", Str()), ("avatar", Str()))),
        ("prefs", Open("UI preferences (config.patch may change these without baseHash)")));

    public static ObjectSchema Wizard() => Open("onboarding wizard state",
        ("lastRunAt", Str()), ("lastRunVersion", Str()), ("lastRunCommit", Str()), ("lastRunCommand", Str()),
        ("lastRunMode", Enum(null, ["local", "remote"])));

    public static ObjectSchema Meta() => Open("bookkeeping written on save",
        ("lastTouchedVersion", Str()), ("lastTouchedAt", Str()));

    public static ObjectSchema Env() => ObjWith("environment variables for the gateway (fill missing variables only)", Str(),
        ("vars", Map(Str(), "NAME: value pairs")),
        ("shellEnv", Obj("import missing variables from the login shell", ("enabled", Bool(null, false)), ("timeoutMs", Int(null, 0, @default: 15_000)))));

    public static ObjectSchema Channels() => ObjWith("messaging channels (per-channel settings are kept as they are)", Open("a channel"),
        ("defaults", Open("defaults for every channel")),
        ("modelByChannel", Any()));

    public static ObjectSchema Auth() => Open("model auth profiles (metadata; secrets live in the auth store)",
        ("profiles", Map(Open(null, ("provider", Str()), ("mode", Enum(null, ["api_key", "aws-sdk", "oauth", "token"]))))),
        ("order", Map(Strs())));
}
