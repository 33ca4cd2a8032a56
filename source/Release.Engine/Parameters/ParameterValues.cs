namespace Release.Engine.Parameters;

/// <summary>The resolved value of every parameter in one run, with where each came from.</summary>
public sealed class ParameterValues
{
    private readonly Dictionary<string, (object? Value, string Source)> _values;
    private readonly AsyncLocal<ParameterReads?> _reads = new();

    /// <summary>Takes <paramref name="values"/> over (it must compare keys ignoring case); empty when null.</summary>
    internal ParameterValues(IReadOnlyList<ParameterDescriptor> descriptors, Dictionary<string, (object? Value, string Source)>? values = null)
    {
        Descriptors = descriptors;
        _values = values ?? new Dictionary<string, (object? Value, string Source)>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every declared parameter.</summary>
    public IReadOnlyList<ParameterDescriptor> Descriptors { get; }

    /// <summary>The value given for <paramref name="name"/>, or default when no source set it.</summary>
    public T? Get<T>(string name)
    {
        _reads.Value?.Add(name);
        if (!_values.TryGetValue(name, out var entry) || entry.Value is null) return default;
        return entry.Value is T typed ? typed : (T?)System.Convert.ChangeType(entry.Value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    internal void Set(string name, object? value, string source) => _values[name] = (value, source);

    /// <summary>Whether any source set <paramref name="name"/>.</summary>
    public bool IsSet(string name)
    {
        _reads.Value?.Add(name);
        return _values.TryGetValue(name, out _);
    } // not ContainsKey: its code for this value type is not precompiled

    /// <summary>Where the value of <paramref name="name"/> came from, or null when unset.</summary>
    public string? SourceOf(string name) => _values.TryGetValue(name, out var entry) ? entry.Source : null;

    /// <summary>Name and value pairs for hashing; secrets are represented by a hash of their value, never the value.</summary>
    public IEnumerable<(string Name, string Text)> Fingerprint() =>
        Descriptors.Where(d => _values.ContainsKey(d.Name)).Select(d => (d.Name, TextOf(d)));

    /// <summary>
    /// Name and value pairs of the named parameters for hashing, in the given order; an unset parameter is there too
    /// (as unset), so setting it later changes the hash. Secrets are represented by a hash of their value.
    /// </summary>
    internal IEnumerable<(string Name, string Text)> FingerprintOf(IEnumerable<string> names) =>
        names.Select(name => Descriptors.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)) is { } descriptor
            && _values.ContainsKey(descriptor.Name) ? (descriptor.Name, "=" + TextOf(descriptor)) : (name, " unset"));

    /// <summary>
    /// Records the name of every parameter read on this flow (and the flows it starts) into <paramref name="reads"/>
    /// until the result is disposed.
    /// </summary>
    internal ReadScope RecordReadsInto(ParameterReads reads)
    {
        var previous = _reads.Value;
        _reads.Value = reads;
        return new ReadScope(this, previous);
    }

    private string TextOf(ParameterDescriptor descriptor)
    {
        var value = _values[descriptor.Name].Value;
        var text = value is Array array ? string.Join("\u001f", array.Cast<object?>()) : value?.ToString() ?? "";
        return descriptor.IsSecret
            ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))
            : text;
    }

    /// <summary>Restores the reads recorded before <see cref="RecordReadsInto"/>.</summary>
    internal readonly struct ReadScope(ParameterValues values, ParameterReads? previous) : IDisposable
    {
        public void Dispose() => values._reads.Value = previous;
    }
}
