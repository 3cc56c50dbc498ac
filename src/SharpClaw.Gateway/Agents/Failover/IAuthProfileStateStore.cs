namespace SharpClaw.Gateway.Agents.Failover;

/// <summary>Durable home of <see cref="AuthProfileState"/>s (SQLite in the gateway).</summary>
public interface IAuthProfileStateStore
{
    IReadOnlyDictionary<string, AuthProfileState> LoadAll();

    void Save(string profileId, AuthProfileState state);
}
