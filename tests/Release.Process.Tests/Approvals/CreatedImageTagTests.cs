using System.Text;
using Release.Process.Approvals;

namespace Release.Process.Tests.Approvals;

/// <summary>
/// The creation event carries the image tag Clone computed. Records opened before it did must still verify: their
/// signatures cover the bytes <see cref="RecordChain.Payload"/> gives, so an event without the tag must give exactly
/// the bytes it gave before the field existed.
/// </summary>
public class CreatedImageTagTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 45, 0, TimeSpan.Zero);

    private static ReleaseCreated Created(string? imageTag = null) =>
        new(At, "1.4.0", "main", "0156133", "rm@example.com", ["dev@example.com"], imageTag);

    // Captured from the code before ReleaseCreated had an image tag: what records signed then were signed over.
    private const string PayloadSignedBeforeTheTag =
        "release-record/v1\ndirector-1.4.0\n0000000000000000000000000000000000000000000000000000000000000000\n{\n" +
        "  \"event\": \"created\",\n  \"version\": \"1.4.0\",\n  \"branch\": \"main\",\n  \"commit\": \"0156133\",\n" +
        "  \"triggeredBy\": \"rm@example.com\",\n  \"authors\": [\n    \"dev@example.com\"\n  ],\n  \"at\": \"2026-11-20T10:45:00+00:00\"\n}";

    [Test]
    public void A_creation_without_the_tag_signs_the_same_bytes_as_before_the_tag_existed() =>
        Assert.That(Encoding.UTF8.GetString(RecordChain.Payload("director-1.4.0", RecordChain.Genesis, Created())), Is.EqualTo(PayloadSignedBeforeTheTag));

    [Test]
    public void A_record_written_before_the_tag_reads_back_byte_for_byte_without_one()
    {
        var json = ReleaseRecordJson.Serialize(ReleaseRecord.Create("director-1.4.0", Created()));
        Assert.That(json, Does.Not.Contain("imageTag"));
        var again = ReleaseRecordJson.Deserialize(json, "releases/director-1.4.0.json");
        Assert.That(again.Created.ImageTag, Is.Null);
        Assert.That(ReleaseRecordJson.Serialize(again), Is.EqualTo(json));
    }

    [Test]
    public void The_tag_is_recorded_signed_and_read_back()
    {
        var json = ReleaseRecordJson.Serialize(ReleaseRecord.Create("director-1.4.0", Created("1.4.0_g0156133")));
        Assert.That(json, Does.Contain("\"imageTag\": \"1.4.0_g0156133\""));
        Assert.That(ReleaseRecordJson.Deserialize(json, "releases/director-1.4.0.json").Created.ImageTag, Is.EqualTo("1.4.0_g0156133"));
        Assert.That(RecordChain.Payload("director-1.4.0", RecordChain.Genesis, Created("1.4.0_g0156133")),
            Is.Not.EqualTo(RecordChain.Payload("director-1.4.0", RecordChain.Genesis, Created("1.4.0_g9999999"))), "the signature covers the tag");
    }
}
