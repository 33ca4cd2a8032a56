namespace Release.Process.Quality;

/// <summary>The dates one advisory carries.</summary>
/// <param name="Modified">OSV <c>modified</c>: when the advisory last changed.</param>
/// <param name="Published">OSV <c>published</c>: when it first appeared.</param>
public sealed record AdvisoryDates(DateTimeOffset? Modified, DateTimeOffset? Published);
