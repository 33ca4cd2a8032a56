using System.Text.Json;

namespace Release.Stages.Tests.Support;

/// <summary>Reads JSON files the stages wrote.</summary>
public static class Json
{
    public static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;
}
