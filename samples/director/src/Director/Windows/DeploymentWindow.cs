namespace Director.Windows;

/// <summary>One open deployment window, [Start, End) in UTC.</summary>
public sealed record DeploymentWindow(DateTimeOffset Start, DateTimeOffset End);
