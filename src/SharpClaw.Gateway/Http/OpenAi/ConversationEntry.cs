namespace SharpClaw.Gateway.Http.OpenAi;

/// <summary>One non-system turn of an OpenAI-style conversation: a sender label and its text.</summary>
internal sealed record ConversationEntry(string Role, string Sender, string Body);
