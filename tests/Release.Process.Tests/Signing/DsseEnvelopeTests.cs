using System.Text;
using Release.Process.Evidence;
using Release.Testing.Signing;

namespace Release.Process.Tests.Signing;

/// <summary>The DSSE envelope: the spec's pre-authentication encoding, and signatures that bind the payload type.</summary>
public class DsseEnvelopeTests
{
    private static readonly SshTestKeys Keys = new();

    [OneTimeTearDown]
    public void Cleanup() => Keys.Dispose();

    [Test]
    public void The_pre_authentication_encoding_is_the_specifications()
    {
        Assert.That(Encoding.ASCII.GetString(DsseEnvelope.Pae("application/example", "hello"u8)), Is.EqualTo("DSSEv1 19 application/example 5 hello"));
        // LEN counts bytes, not characters.
        Assert.That(DsseEnvelope.Pae("t", "é"u8), Is.EqualTo("DSSEv1 1 t 2 é"u8.ToArray()));
    }

    [Test]
    public async Task A_signed_statement_verifies_only_with_a_trusted_key_and_unchanged()
    {
        var signer = new KeygenSigner(Keys, "ci-job");
        var manifest = EvidenceManifest.Create("director-1.4.0", [new EvidenceFile("record/votes.json", new string('a', 64))]);
        var envelope = await DsseEnvelope.SignAsync(EvidenceStatement.PayloadType, EvidenceStatement.Create(manifest), signer, CancellationToken.None);

        var (payload, key, _) = envelope.Verify([signer.PublicKey]);
        Assert.That(key, Is.EqualTo(signer.PublicKey));
        Assert.That(EvidenceStatement.Read(payload!)!.Value.ManifestHash, Is.EqualTo(manifest.Hash));
        Assert.That(Encoding.UTF8.GetString(payload!), Does.Contain("\"_type\":\"https://in-toto.io/Statement/v1\"").And.Contain("\"sha256\":\"" + new string('a', 64)));

        Assert.That(envelope.Verify([new KeygenSigner(Keys, "eve").PublicKey]).Refusal, Does.Contain("not a trusted key"));
        Assert.That((envelope with { PayloadType = "application/json" }).Verify([signer.PublicKey]).Refusal, Does.Contain("does not match the signed content"));
        var other = EvidenceStatement.Create(EvidenceManifest.Create("director-1.4.0", [new EvidenceFile("record/votes.json", new string('b', 64))]));
        Assert.That((envelope with { Payload = Convert.ToBase64String(other) }).Verify([signer.PublicKey]).Refusal, Does.Contain("does not match the signed content"));
    }
}
