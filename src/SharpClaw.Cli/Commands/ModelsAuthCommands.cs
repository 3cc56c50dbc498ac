using System.CommandLine;
using SharpClaw.Providers.Copilot;

namespace SharpClaw.Cli.Commands;

/// <summary>
/// <c>sharpclaw models auth login --provider github-copilot</c>: GitHub device login for Copilot. Prints the code and
/// URL, waits for the user to authorise, checks the token with a Copilot token exchange and stores it in the state
/// dir (<c>credentials/github-copilot.json</c>, mode 600), where the gateway picks it up on its next provider build.
/// </summary>
internal static class ModelsAuthCommands
{
    public static Command Create(CliEnvironment env)
    {
        var provider = new Option<string>("--provider") { Description = "Provider to log in to (github-copilot)", Required = true };
        var login = new Command("login", "Log in to a model provider that uses OAuth (github-copilot)");
        login.Options.Add(provider);
        login.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(provider)?.Trim().ToLowerInvariant();
            if (id is not ("github-copilot" or "copilot"))
            {
                throw new CliError($"login is not supported for provider '{id}'", "use --provider github-copilot; API-key providers read their key from the environment or models.providers.<id>.apiKey");
            }

            var domain = env.Env(CopilotUrls.DomainVariable) is { Length: > 0 } d ? d : CopilotUrls.PublicDomain;
            var store = new CopilotCredentialStore(env.Paths.StateDir);
            try
            {
                var token = await CopilotLogin.RunAsync(
                    store,
                    async (code, token) =>
                    {
                        await env.Out.WriteLineAsync($"Open {code.VerificationUri} and enter the code {code.UserCode}");
                        await env.Out.WriteLineAsync("Waiting for GitHub authorisation…");
                    },
                    ct,
                    CopilotUrls.GitHub(domain),
                    CopilotUrls.GitHubApi(domain),
                    time: env.Time);
                await env.Out.WriteLineAsync($"Logged in to GitHub Copilot (API {token.BaseUrl.Host}); token stored in {store.LoginPath}");
                return 0;
            }
            catch (CopilotLoginException ex)
            {
                throw new CliError(ex.Message, "run the login again and enter the code within the time shown");
            }
            catch (Providers.Abstractions.ProviderException ex)
            {
                throw new CliError(ex.Message, "check that the GitHub account has an active Copilot subscription");
            }
        });

        var auth = new Command("auth", "Model provider credentials");
        auth.Subcommands.Add(login);
        return auth;
    }
}
