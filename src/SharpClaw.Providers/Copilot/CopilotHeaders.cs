using System.Net.Http.Headers;

namespace SharpClaw.Providers.Copilot;

/// <summary>
/// The editor-identification headers the Copilot API gates requests on, plus the per-request
/// <c>X-Initiator</c> (<c>user</c> when the last message is the user's, else <c>agent</c>) and
/// <c>Copilot-Vision-Request</c> flags, handed from the chat client to the HTTP handler through an async-local.
/// </summary>
internal static class CopilotHeaders
{
    public const string EditorVersion = "vscode/1.107.0";
    public const string EditorPluginVersion = "copilot-chat/0.35.0";
    public const string UserAgent = "GitHubCopilotChat/0.35.0";
    public const string IntegrationId = "vscode-chat";
    public const string GitHubApiVersion = "2025-04-01";

    private static readonly AsyncLocal<CopilotRequestFlags?> Current = new();

    /// <summary>Flags of the chat request being sent on this async flow.</summary>
    public static CopilotRequestFlags? Flags
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Headers for GitHub's own endpoints (device flow, token exchange).</summary>
    public static void AddIdeHeaders(HttpRequestHeaders headers)
    {
        headers.Accept.Clear();
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Set(headers, "Editor-Version", EditorVersion);
        Set(headers, "Editor-Plugin-Version", EditorPluginVersion);
        Set(headers, "User-Agent", UserAgent);
        Set(headers, "X-GitHub-Api-Version", GitHubApiVersion);
    }

    /// <summary>Headers for the chat API (<c>/chat/completions</c>, <c>/models</c>).</summary>
    public static void AddChatHeaders(HttpRequestHeaders headers, CopilotRequestFlags? flags)
    {
        Set(headers, "Editor-Version", EditorVersion);
        Set(headers, "Editor-Plugin-Version", EditorPluginVersion);
        Set(headers, "User-Agent", UserAgent);
        Set(headers, "Copilot-Integration-Id", IntegrationId);
        Set(headers, "Openai-Intent", "conversation-edits");
        Set(headers, "X-Initiator", flags?.Initiator ?? "user");
        if (flags?.Vision == true)
        {
            Set(headers, "Copilot-Vision-Request", "true");
        }
    }

    private static void Set(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
