namespace SharpClaw.Providers.Anthropic;

/// <summary>The <c>max_tokens</c> used when a call sets none, and whether it is the model's real output cap.</summary>
internal readonly record struct AnthropicTokenLimits(int DefaultMaxTokens, bool CapKnown);
