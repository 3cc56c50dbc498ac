using SharpClaw.Cli;
using SharpClaw.Core.State;
using SharpClaw.Gateway.Tests.Infrastructure;

namespace SharpClaw.Gateway.Tests.Cli;

public sealed class ModelsAuthCliTests
{
    [Fact]
    public async Task Login_for_an_api_key_provider_explains_where_keys_go()
    {
        var dir = TestGateway.NewStateDir();
        try
        {
            var err = new StringWriter();
            var env = new CliEnvironment { Out = new StringWriter(), Error = err, Env = _ => null, Paths = new StatePaths(dir, Path.Combine(dir, "sharpclaw.json")) };

            var exit = await CliApp.RunAsync(["models", "auth", "login", "--provider", "openai"], env, TestContext.Current.CancellationToken);

            Assert.Equal(1, exit);
            Assert.Contains("login is not supported for provider 'openai'", err.ToString(), StringComparison.Ordinal);
            Assert.Contains("--provider github-copilot", err.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "credentials")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
