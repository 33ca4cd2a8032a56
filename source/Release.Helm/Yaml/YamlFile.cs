using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Yaml;

/// <summary>Loads YAML files into node trees, turning parser errors into messages that name the file and line.</summary>
public static class YamlFile
{
    /// <summary>Parses <paramref name="text"/> as a single document whose root is a mapping (an empty file is an empty mapping).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name used in error messages.</param>
    /// <exception cref="YamlSyntaxException">The text is not YAML, or its root is not a mapping.</exception>
    public static YamlMappingNode ParseMapping(string text, string fileName)
    {
        var stream = new YamlStream();
        var parser = new LineTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (Exception error) when (error is YamlException or InvalidOperationException)
        {
            // YamlDotNet raises InvalidOperationException for some malformed scalars; then the last good event gives the line.
            var line = error is YamlException yaml ? yaml.Start.Line : parser.LastLine;
            throw new YamlSyntaxException(
                $"{fileName}:{line}: not valid YAML ({error.Message}). Fix the YAML syntax at or just after that line.", (int)line, error);
        }

        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents.Count > 1)
            throw new YamlSyntaxException($"{fileName}: holds {stream.Documents.Count} YAML documents; it must hold exactly one.", 0, null);
        return stream.Documents[0].RootNode as YamlMappingNode
               ?? throw new YamlSyntaxException(
                   $"{fileName}:{stream.Documents[0].RootNode.Start.Line}: the top level must be a mapping of keys to values.",
                   (int)stream.Documents[0].RootNode.Start.Line, null);
    }

    /// <summary>Returns the scalar under <paramref name="key"/>, or null if the key is absent or not a scalar.</summary>
    public static YamlScalarNode? Scalar(this YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlScalarNode : null;

    /// <summary>Returns the child under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Child(this YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
