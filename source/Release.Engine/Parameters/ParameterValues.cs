namespace Release.Engine.Parameters;

/// <summary>The resolved value of every parameter in one run, with where each came from.</summary>
public sealed class ParameterValues
{
    private readonly Dictionary<string, (object? Value, string Source)> _values;

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
        if (!_values.TryGetValue(name, out var entry) || entry.Value is null) return default;
        return entry.Value is T typed ? typed : (T?)System.Convert.ChangeType(entry.Value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    internal void Set(string name, object? value, string source) => _values[name] = (value, source);

    /// <summary>Whether any source set <paramref name="name"/>.</summary>
    public bool IsSet(string name) => _values.TryGetValue(name, out _); // not ContainsKey: its code for this value type is not precompiled

    /// <summary>Where the value of <paramref name="name"/> came from, or null when unset.</summary>
    public string? SourceOf(string name) => _values.TryGetValue(name, out var entry) ? entry.Source : null;

    /// <summary>Name and value pairs for hashing; secrets are represented by a hash of their value, never the value.</summary>
    public IEnumerable<(string Name, string Text)> Fingerprint() =>
        Descriptors.Where(d => _values.ContainsKey(d.Name)).Select(d =>
        {
            var value = _values[d.Name].Value;
            var text = value is Array array ? string.Join("\u001f", array.Cast<object?>()) : value?.ToString() ?? "";
            return (d.Name, d.IsSecret
                ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))
                : text);
        });
}
