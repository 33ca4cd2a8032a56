using Release.Operations;

namespace Release.Build;

/// <summary>
/// Operations people can see: <c>./build.sh GenerateDocs</c> writes the runbook, RACI matrix and flow diagrams of this
/// definition to docs/operations (CI runs <c>CheckDocs</c>, so they never drift); <c>./build.sh Dashboard</c> writes
/// the release dashboard to artifacts/dashboard from the release records.
/// </summary>
partial class Build : IOperations;
