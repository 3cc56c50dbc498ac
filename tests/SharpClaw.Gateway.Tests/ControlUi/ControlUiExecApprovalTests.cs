using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.ControlUi;

/// <summary>
/// Exec approvals end to end in Chromium: the fake model makes the agent call the real <c>exec</c> tool with a
/// command that is not allowlisted (tools.exec security=allowlist, ask=on-miss), the gateway's approval manager
/// broadcasts <c>exec.approval.requested</c>, the Approvals tab shows it live with the exact command, and the
/// operator's click resolves it through <c>exec.approval.resolve</c>; the Chat tab shows the outcome in the tool card.
/// </summary>
[Collection("control-ui-browser")]
public sealed class ControlUiExecApprovalTests
{
    private const string AllowedCommand = "echo approved-by-the-control-ui";
    private const string DeniedCommand = "touch denied-by-the-control-ui.txt";

    private static FakeOpenAiReply Exec(string command) => FakeOpenAiReply.Call("exec", new JsonObject { ["command"] = command }.ToJsonString());

    private static JsonObject Config(FakeOpenAiServer provider)
    {
        var config = UiGateway.Config(provider);
        config["tools"] = new JsonObject { ["exec"] = new JsonObject { ["security"] = "allowlist", ["ask"] = "on-miss" } };
        return config;
    }

    [Fact]
    public async Task ExecApproval_AllowOnceAndDeny_FromTheApprovalsPage()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.Enqueue(Exec(AllowedCommand), FakeOpenAiReply.Text("The command printed its line."));
        provider.Enqueue(Exec(DeniedCommand), FakeOpenAiReply.Text("Understood, the operator denied it."));
        await using var gw = await TestGateway.StartAsync(Config(provider));
        await using var ui = await UiBrowser.LaunchAsync();
        await ui.ConnectAsync(gw.HttpUrl, TestGateway.Token);
        await ui.GoAsync("chat");

        // The operator keeps Approvals open in a second tab (same browser profile, so it reconnects by itself).
        var approvals = await ui.OpenTabAsync(new Uri(gw.HttpUrl, "approvals"));
        await approvals.WaitForSelectorAsync("#connection-state[data-state=connected]");
        await approvals.WaitForSelectorAsync("main[data-route=approvals] h2:has-text('Pending exec approvals')");
        Assert.Equal(0, await approvals.Locator("[data-approval-id]").CountAsync());

        // 1. Allow once: the request appears live with the exact command; the command runs; its output reaches the card.
        await ui.Page.FillAsync("#chat-input", "Please run the echo");
        await ui.Page.PressAsync("#chat-input", "Enter");
        await ui.Page.WaitForSelectorAsync(".tool-card[data-tool=exec]:has-text('running')");
        var item = approvals.Locator("[data-approval-id]");
        await item.WaitForAsync();
        Assert.Equal(AllowedCommand, await item.Locator("pre.command").TextContentAsync());
        Assert.Contains("not on the exec allowlist", await item.Locator(".approval-warning").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("workspace", await item.Locator("code").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(3, await item.Locator("button[data-decision]").CountAsync());
        var id = await item.GetAttributeAsync("data-approval-id");
        await using (var admin = await ControlUiBrowserTests.AdminAsync(gw))
        {
            var pending = await admin.CallAsync("exec.approval.list");
            Assert.Equal(id, (string?)Assert.Single(pending.Payload!["approvals"]!.AsArray())!["id"]);
        }

        await ui.ScreenshotAsync("09-approvals", approvals);
        await item.Locator("button[data-decision=allow-once]").ClickAsync();
        await approvals.WaitForSelectorAsync($"[data-approval-id='{id}']", new() { State = WaitForSelectorState.Detached });
        await approvals.WaitForSelectorAsync($"#resolved-approvals [data-resolved-id='{id}'] strong[data-decision=allow-once]");

        await ui.Page.WaitForSelectorAsync(".msg.assistant .md:has-text('printed its line')");
        var card = ui.Page.Locator(".tool-card[data-tool=exec]").First;
        await card.Locator("summary").ClickAsync();
        Assert.Contains("done", await card.Locator("summary").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        var output = await card.Locator(".tool-result").TextContentAsync() ?? string.Empty;
        Assert.Contains("approved-by-the-control-ui\n", output, StringComparison.Ordinal);
        Assert.Contains("[exit code 0]", output, StringComparison.Ordinal);
        await ui.ScreenshotAsync("15-chat-exec-approved");

        // The model saw the real output as the tool result.
        JsonObject afterExec;
        lock (provider.Bodies)
        {
            afterExec = provider.Bodies[1];
        }

        var toolMessage = afterExec["messages"]!.AsArray().Last(m => (string?)m!["role"] == "tool")!;
        Assert.Contains("approved-by-the-control-ui", toolMessage["content"]!.ToJsonString(), StringComparison.Ordinal);

        // 2. Deny: the command never runs; the card shows the refusal and the run still completes.
        await ui.Page.FillAsync("#chat-input", "Now create a file");
        await ui.Page.PressAsync("#chat-input", "Enter");
        var second = approvals.Locator("[data-approval-id]");
        await second.WaitForAsync();
        Assert.Equal(DeniedCommand, await second.Locator("pre.command").TextContentAsync());
        var secondId = await second.GetAttributeAsync("data-approval-id");
        Assert.NotEqual(id, secondId);
        await second.Locator("button[data-decision=deny]").ClickAsync();
        await approvals.WaitForSelectorAsync($"#resolved-approvals [data-resolved-id='{secondId}'] strong[data-decision=deny]");
        await ui.ScreenshotAsync("09b-approvals-resolved", approvals);

        await ui.Page.WaitForSelectorAsync(".msg.assistant .md:has-text('operator denied it')");
        var denied = ui.Page.Locator(".tool-card[data-tool=exec]").Last;
        await denied.Locator("summary").ClickAsync();
        Assert.Contains("failed", await denied.Locator("summary").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("operator denied", await denied.Locator(".tool-result").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gw.StateDir, "workspace", "denied-by-the-control-ui.txt")));
        await denied.Locator(".tool-result").ScrollIntoViewIfNeededAsync();
        await ui.ScreenshotAsync("16-chat-exec-denied");
        ControlUiBrowserTests.AssertTokenNeverExposed(ui, gw);
    }
}
