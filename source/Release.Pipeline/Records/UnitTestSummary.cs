namespace Release.Pipeline.Records;

/// <summary>UnitTest's metrics, kept for quality gates.</summary>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="Skipped">Tests skipped.</param>
/// <param name="LineCoverage">Line coverage, 0 to 100.</param>
/// <param name="BranchCoverage">Branch coverage, 0 to 100.</param>
public sealed record UnitTestSummary(int Passed, int Failed, int Skipped, double LineCoverage, double BranchCoverage);
