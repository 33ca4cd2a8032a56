using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Yaml;

/// <summary>Loads YAML files into node trees, turning parser errors into messages that name the file and line.</summary>
public static class YamlFile
{
    /// <summary>Parses <paramref name="text"/> as a single document whose root is a mapping (an empty file is an empty mapping).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name used in error messages.</param>
    /// <exception cref="InvalidDataException">The text is not YAML, or its root is not a mapping.</exception>
    public static YamlMappingNode ParseMapping(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new InvalidDataException(
                $"{fileName}:{error.Start.Line}: not valid YAML ({error.Message}). Fix the YAML syntax at that line.", error);
        }

        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents.Count > 1)
            throw new InvalidDataException($"{fileName}: holds {stream.Documents.Count} YAML documents; it must hold exactly one.");
        return stream.Documents[0].RootNode as YamlMappingNode
               ?? throw new InvalidDataException(
                   $"{fileName}:{stream.Documents[0].RootNode.Start.Line}: the top level must be a mapping of keys to values.");
    }

    /// <summary>Returns the scalar under <paramref name="key"/>, or null if the key is absent or not a scalar.</summary>
    public static YamlScalarNode? Scalar(this YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlScalarNode : null;

    /// <summary>Returns the child under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Child(this YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
