namespace Release.Engine.Parameters;

/// <summary>
/// The names of the parameters one target read (through <see cref="ParameterValues.Get{T}"/>, which component parameters
/// use) while it was defined or ran. The incremental cache keys a target on these only, so a parameter the target never
/// reads (<c>--keep-running</c> for a Build) does not make it out of date. Thread-safe: a target's work may read
/// parameters from several threads at once.
/// </summary>
internal sealed class ParameterReads
{
    private readonly object _gate = new();
    private HashSet<string>? _names; // created on the first read: most targets read none while they are defined

    public void Add(string name)
    {
        lock (_gate) (_names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(name);
    }

    public void AddRange(IEnumerable<string> names)
    {
        foreach (var name in names) Add(name);
    }

    /// <summary>The names read so far, in ordinal order.</summary>
    public IReadOnlyList<string> Names
    {
        get { lock (_gate) return _names is null ? [] : _names.Order(StringComparer.OrdinalIgnoreCase).ToList(); }
    }
}
