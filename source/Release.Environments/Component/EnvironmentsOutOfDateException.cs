namespace Release.Environments.Component;

/// <summary>The environment repository differs from what the configuration source renders; the message names each place and the repair.</summary>
public sealed class EnvironmentsOutOfDateException(string message) : Exception(message);
