using SharpClaw.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
