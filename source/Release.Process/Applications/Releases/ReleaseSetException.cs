namespace Release.Process.Applications.Releases;

/// <summary>
/// Thrown when an application release (a set) cannot be made or read, or an approval names the wrong subject;
/// <see cref="Problems"/> lists every reason, each naming the place and the fix. Promotion and rollback of a set
/// throw <see cref="Promotion.PromotionRefusedException"/> as promotion and rollback of a module do.
/// </summary>
public sealed class ReleaseSetException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every reason, one line each.</param>
    public ReleaseSetException(IReadOnlyList<string> problems) : base(string.Join("\n", problems)) => Problems = problems;

    /// <summary>Every reason, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
