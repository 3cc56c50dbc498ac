using System.Text.Json.Nodes;
using SharpClaw.Gateway.Tests.Infrastructure;
using SharpClaw.Gateway.Tests.Interop;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>Config for a real gateway serving the built Control UI from ui/dist with the scripted provider.</summary>
public static class UiGateway
{
    public static string UiRoot => Path.Combine(RepoPaths.Root, "ui", "dist");

    public static JsonObject Config(FakeOpenAiServer? provider = null, bool autoApproveLocal = true, Action<JsonObject>? gateway = null)
    {
        if (!File.Exists(Path.Combine(UiRoot, "index.html")))
        {
            Assert.Fail($"the Control UI is not built at {UiRoot}; run scripts/build-ui.sh (the test command does this)");
        }

        var g = new JsonObject
        {
            ["auth"] = new JsonObject { ["mode"] = "token", ["token"] = TestGateway.Token },
            ["controlUi"] = new JsonObject { ["root"] = UiRoot },
            ["nodes"] = new JsonObject { ["pairing"] = new JsonObject { ["autoApproveLocal"] = autoApproveLocal } },
        };
        gateway?.Invoke(g);
        var config = new JsonObject { ["gateway"] = g };
        if (provider is not null)
        {
            config["models"] = provider.ProviderConfig();
            config["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = "openai/gpt-test" } };
        }

        return config;
    }
}
