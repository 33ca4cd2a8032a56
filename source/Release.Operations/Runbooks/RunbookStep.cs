namespace Release.Operations.Runbooks;

/// <summary>
/// One step of a release runbook: what to run, who runs it (the RACI of the step), what must hold first, what to do
/// when it fails, and how to undo it.
/// </summary>
/// <param name="Number">1-based position; steps run in this order.</param>
/// <param name="Title">What the step does.</param>
/// <param name="Command">The exact command.</param>
/// <param name="Responsible">The role that runs it.</param>
/// <param name="Accountable">The role that answers for it.</param>
/// <param name="Consulted">Roles asked before it runs.</param>
/// <param name="Informed">Roles told once it ran.</param>
/// <param name="Before">What must hold before it (checklist items, gates, earlier environments).</param>
/// <param name="OnFailure">What to do when it fails.</param>
/// <param name="Rollback">The command (or the way) to undo it.</param>
public sealed record RunbookStep(
    int Number,
    string Title,
    string Command,
    string Responsible,
    string Accountable,
    IReadOnlyList<string> Consulted,
    IReadOnlyList<string> Informed,
    IReadOnlyList<string> Before,
    string OnFailure,
    string Rollback);

/// <summary>The ordered steps of one release (or of any release, with <c>VERSION</c> in the commands).</summary>
/// <param name="Module">The module released.</param>
/// <param name="Version">The version, or <c>VERSION</c> for the template in docs/.</param>
/// <param name="Steps">The steps in order.</param>
public sealed record Runbook(string Module, string Version, IReadOnlyList<RunbookStep> Steps);
