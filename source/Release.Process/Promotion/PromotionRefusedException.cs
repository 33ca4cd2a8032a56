namespace Release.Process.Promotion;

/// <summary>Thrown when a promotion or rollback cannot be planned; <see cref="Problems"/> lists every reason.</summary>
public sealed class PromotionRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every reason, one line each.</param>
    public PromotionRefusedException(IReadOnlyList<string> problems) : base(string.Join("\n", problems)) => Problems = problems;

    /// <summary>Every reason, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
