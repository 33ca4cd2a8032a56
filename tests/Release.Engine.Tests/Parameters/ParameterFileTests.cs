using System.Text;
using System.Text.Json;
using Release.Engine.Parameters;
using Release.Engine.Startup;
using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Parameters;

/// <summary>
/// Plain parameter files are read without System.Text.Json (start-up time); every other file goes through it. Either
/// way the values, and for malformed files the error, are what System.Text.Json's reading gives.
/// </summary>
public class ParameterFileTests
{
    private static readonly string[] PlainFiles =
    [
        "{}",
        " { } \n",
        """{ "$schema": "./build.schema.json", "OsvDirectory": ".nuke/advisories" }""",
        """{"Configuration":"Release","Retries":3,"Threshold":-0.5e+2,"Zero":0,"Exp":1E3,"Publish":true,"Dry":false,"Unset":null}""",
        "{\r\n\t\"Tags\": [ \"a\", 1, true, false, 2.5 ],\r\n\t\"Empty\": [],\r\n\t\"Tags\": [\"last wins\"]\r\n}",
        """{ "$comment": "skipped", "Name": "with spaces, commas: and {braces} [brackets]" }""",
    ];

    private static readonly string[] OtherValidFiles =
    [
        "{ \"Path\": \"C:\\\\tools\\\\x\", \"Quote\": \"say \\\"hi\\\"\", \"Unicode\": \"\\u00e9\" }",
        "{ \"Name\": \"Müller\" }",
        "{ // a comment\n \"Retries\": 3 /* another */ }",
        """{ "Retries": 3, }""",
        """{ "Tags": [ "a", "b", ], }""",
        """{ "$schema": { "nested": true }, "Retries": 3 }""",
    ];

    private static readonly string[] MalformedFiles =
    [
        "",
        "\uFEFF{ \"Retries\": 3 }",
        "   ",
        "{",
        "{\n  \"Retries\": 3\n  \"Tags\": []\n}",
        """{ "Retries": 01 }""",
        """{ "Retries": 1x }""",
        """{ "Retries": - }""",
        """{ "Retries": 1. }""",
        """{ "Retries": tru }""",
        """{ "Retries": 3 } trailing""",
        """{ "Retries": 3 }}""",
        """{ Retries: 3 }""",
        """{ "Retries" 3 }""",
        """{ "Tags": [ "a" "b" ] }""",
        """{ "Tags": [ "a", ] , "x": [ ] ]""",
        "{ \"Line\": \"raw\nnewline\" }",
    ];

    private static readonly string[] UnreadableShapes =
    [
        """[ "not", "an", "object" ]""",
        "\"text\"",
        """{ "Tags": [ null ] }""",
        """{ "Tags": [ [ "nested" ] ] }""",
        """{ "Settings": { "a": 1 } }""",
    ];

    [TestCaseSource(nameof(PlainFiles))]
    public async Task A_plain_file_is_read_without_System_Text_Json_to_the_same_values(string json)
    {
        Assert.That(FlatJsonReader.TryRead(Encoding.UTF8.GetBytes(json)), Is.Not.Null, "the plain reader takes this file");
        Assert.That(await ReadAsync(json), Is.EqualTo(Expected(json)));
    }

    [TestCaseSource(nameof(OtherValidFiles))]
    public async Task Any_other_valid_file_is_read_by_System_Text_Json(string json)
    {
        Assert.That(FlatJsonReader.TryRead(Encoding.UTF8.GetBytes(json)), Is.Null, "the plain reader leaves this file alone");
        Assert.That(await ReadAsync(json), Is.EqualTo(Expected(json)));
    }

    [TestCaseSource(nameof(MalformedFiles))]
    public void A_malformed_file_gets_System_Text_Json_s_error_with_line_and_column(string json)
    {
        Assert.That(FlatJsonReader.TryRead(Encoding.UTF8.GetBytes(json)), Is.Null, "the plain reader never accepts a malformed file");
        var error = Assert.ThrowsAsync<BuildInputException>(() => ReadAsync(json))!;
        Assert.That(error.Message, Does.Match(@"^\.nuke/parameters\.json: line \d+, column \d+: malformed JSON \(.+\)\."));
    }

    [TestCaseSource(nameof(UnreadableShapes))]
    public void A_value_of_an_unreadable_shape_is_an_error_naming_the_file(string json)
    {
        Assert.That(FlatJsonReader.TryRead(Encoding.UTF8.GetBytes(json)), Is.Null, "the plain reader leaves this file alone");
        var error = Assert.ThrowsAsync<BuildInputException>(() => ReadAsync(json))!;
        Assert.That(error.Message, Does.StartWith(".nuke/parameters.json: ").And.Match("expected a JSON object|must be a string, number, boolean or array of those"));
    }

    private static async Task<string> ReadAsync(string json)
    {
        using var root = new TempRoot();
        var path = root.Write(".nuke/parameters.json", json);
        var file = await ParameterFile.ReadAsync(path, ".nuke/parameters.json", CancellationToken.None);
        return Describe(file.Values);
    }

    /// <summary>What System.Text.Json's reading of the file gives, as the engine read every file before the plain reader.</summary>
    private static string Expected(string json)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var values = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.StartsWith('$')) continue;
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Array => property.Value.EnumerateArray().Select(Scalar).ToList(),
                _ => [Scalar(property.Value)],
            };
        }
        return Describe(values);
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new InvalidOperationException(value.ValueKind.ToString()),
    };

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>?> values) =>
        string.Join("\n", values.Select(v => $"{v.Key} = {(v.Value is null ? "(null)" : "[" + string.Join("|", v.Value) + "]")}"));
}
