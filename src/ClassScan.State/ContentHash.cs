namespace ClassScan.State;

/// <summary>
/// How a content hash is written into the state database: base64, like Graph's quickXorHash. Hex would put
/// long digit runs in the file, and one in a few thousand hashes holds ten digits that pass as a valid
/// personnummer, which a DLP scan of the state folder (ours included) would then report. Base64 has
/// 64 symbols, so a run of ten digits is practically impossible. A state written with hex hashes by an
/// earlier version simply sees each local file as changed once.
/// </summary>
internal static class ContentHash
{
    public static string Encode(ReadOnlySpan<byte> hash) => Convert.ToBase64String(hash);
}
