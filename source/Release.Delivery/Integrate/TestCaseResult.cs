namespace Release.Delivery.Integrate;

/// <summary>The outcome of one test.</summary>
/// <param name="ClassName">The test's class, fully qualified.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Outcome"><c>Passed</c>, <c>Failed</c> or <c>Skipped</c>.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Message">The failure or skip message, or null.</param>
public sealed record TestCaseResult(string ClassName, string Name, string Outcome, TimeSpan Duration, string? Message);
