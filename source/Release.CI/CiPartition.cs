using System.Globalization;
using Release.Engine;

namespace Release.CI;

/// <summary>One partition of a partitioned job: number <see cref="Index"/> (1-based) of <see cref="Total"/>.</summary>
/// <param name="Index">1-based partition number.</param>
/// <param name="Total">Number of partitions.</param>
public sealed record CiPartition(int Index, int Total)
{
    /// <summary>The whole work, for runs outside a partitioned job.</summary>
    public static CiPartition Whole { get; } = new(1, 1);

    /// <summary>Parses <c>N/TOTAL</c>; null or empty means <see cref="Whole"/>.</summary>
    public static CiPartition Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Whole;
        return TryParse(text, out var partition) ? partition
            : throw new BuildInputException($"--partition takes N/TOTAL with 1 <= N <= TOTAL, like 2/3; got '{text}'.");
    }

    /// <summary>Parses <c>N/TOTAL</c> with 1 &lt;= N &lt;= TOTAL; false for anything else (also for null or empty).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CiPartition? partition)
    {
        partition = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total) && index >= 1 && index <= total)
            partition = new CiPartition(index, total);
        return partition is not null;
    }

    /// <summary>This partition's share of <paramref name="items"/>: every Total-th item, starting at Index.</summary>
    public IEnumerable<T> Select<T>(IEnumerable<T> items) => items.Where((_, i) => i % Total == Index - 1);
}
