using System.Collections;
using System.Globalization;
using YamlDotNet.RepresentationModel;
using static Release.Helm.Yaml.YamlText;

namespace Release.Helm.Flux;

/// <summary>Converts plain .NET values (dictionaries, lists, strings, numbers, bools) into YAML nodes with sorted keys.</summary>
internal static class YamlValues
{
    public static YamlNode ToNode(object? value, string path) => value switch
    {
        null => new YamlScalarNode(null),
        string text => String(text),
        bool flag => Bool(flag),
        int or long or short or byte => Plain(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        double or float or decimal => Plain(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        IReadOnlyDictionary<string, object?> map => ToMapping(map, path),
        IDictionary map => ToMapping(map.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => map[k]), path),
        IEnumerable list => new YamlSequenceNode(list.Cast<object?>().Select((item, i) => ToNode(item, $"{path}[{i}]"))),
        _ => throw new ArgumentException($"Values{path}: type {value.GetType().Name} cannot be written as YAML; use strings, numbers, bools, " +
            "dictionaries or lists."),
    };

    public static YamlMappingNode ToMapping(IReadOnlyDictionary<string, object?> values, string path = "")
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            mapping.Add(String(key), ToNode(value, $"{path}.{key}"));
        return mapping;
    }
}
