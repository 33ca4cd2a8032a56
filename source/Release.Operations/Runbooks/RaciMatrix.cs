namespace Release.Operations.Runbooks;

/// <summary>
/// Roles by steps: for each step, which roles are Responsible, Accountable, Consulted and Informed, read from the
/// runbook's steps (so the matrix and the runbook cannot disagree).
/// </summary>
/// <param name="Roles">The roles, columns: gate roles in the order the steps name them, then the others.</param>
/// <param name="Rows">One row per step.</param>
public sealed record RaciMatrix(IReadOnlyList<string> Roles, IReadOnlyList<RaciRow> Rows)
{
    /// <summary>The matrix of <paramref name="runbook"/>.</summary>
    /// <param name="runbook">The runbook.</param>
    public static RaciMatrix From(Runbook runbook)
    {
        var roles = runbook.Steps.SelectMany(s => new[] { s.Responsible, s.Accountable }.Concat(s.Consulted).Concat(s.Informed))
            .Distinct(StringComparer.Ordinal).ToList();
        var rows = runbook.Steps.Select(step => new RaciRow(step.Number, step.Title, roles.Select(role => Letters(step, role)).ToList())).ToList();
        return new RaciMatrix(roles, rows);
    }

    private static string Letters(RunbookStep step, string role) =>
        string.Concat(
            step.Responsible == role ? "R" : "",
            step.Accountable == role ? "A" : "",
            step.Consulted.Contains(role) ? "C" : "",
            step.Informed.Contains(role) ? "I" : "");
}

/// <summary>One step's row: a cell per role of <see cref="RaciMatrix.Roles"/> (<c>R</c>, <c>A</c>, <c>RA</c>, <c>C</c>, <c>I</c> or empty).</summary>
/// <param name="Number">The step's number.</param>
/// <param name="Step">The step's title.</param>
/// <param name="Cells">The letters per role.</param>
public sealed record RaciRow(int Number, string Step, IReadOnlyList<string> Cells);
