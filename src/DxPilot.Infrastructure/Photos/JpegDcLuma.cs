using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// A JPEG's luma at 1/8 scale, read from the DC coefficients alone, for the perceptual hash: an 8×8 block's DC term is its
/// mean, so this is the luma of libjpeg's 1/8-scale decode (the same rounding as its 1×1 inverse DCT) without the chroma's
/// upsampling and colour conversion, and with the other 63 coefficients skipped by table rather than decoded. Every byte of
/// the scan is still read, so a cut or corrupt file is noticed. Sequential Huffman JPEGs with 8-bit samples in one scan (what
/// cameras and phones write), with or without restart markers. Anything else (progressive, arithmetic, 12-bit, CMYK), a picture
/// whose 1/8 scale is under the side asked for, and a file this finds cut or corrupt are left to libjpeg
/// (<see cref="DownscaledPixels"/>), which decides. Measured in docs/measurements-photos.md.
/// </summary>
public static class JpegDcLuma
{
    /// <param name="minLongSide">The longest side the 1/8-scale luma must have.</param>
    /// <returns>Null for a picture this does not read whole: a smaller one, another kind of JPEG, a cut or corrupt one.</returns>
    public static DcLuma? Read(byte[] jpeg, int minLongSide)
    {
        var q = new int[4];
        var dc = new HuffTable?[4];
        var ac = new HuffTable?[4];
        Frame? frame = null;
        var restartInterval = 0;
        // The headers: anything unexpected is left to libjpeg, which is more forgiving and decides.
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF) return null;
            var marker = jpeg[at + 1];
            if (marker == 0xFF) { at++; continue; }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) { at += 2; continue; }
            if (marker == 0xD9) return null;
            var length = jpeg[at + 2] << 8 | jpeg[at + 3];
            var body = at + 4;
            var end = at + 2 + length;
            if (length < 2 || end > jpeg.Length) return null;
            var seg = jpeg.AsSpan(body, end - body);
            switch (marker)
            {
                case 0xDB:
                    for (var i = 0; i < seg.Length;)
                    {
                        var precision = seg[i] >> 4;
                        var id = seg[i] & 15;
                        if (id > 3 || i + 1 + (precision == 0 ? 64 : 128) > seg.Length) return null;
                        q[id] = precision == 0 ? seg[i + 1] : seg[i + 1] << 8 | seg[i + 2];
                        i += 1 + (precision == 0 ? 64 : 128);
                    }
                    break;
                case 0xC4:
                    for (var i = 0; i < seg.Length;)
                    {
                        if (i + 17 > seg.Length) return null;
                        var cls = seg[i] >> 4;
                        var id = seg[i] & 15;
                        var counts = seg.Slice(i + 1, 16);
                        var total = 0;
                        foreach (var c in counts) total += c;
                        if (id > 3 || cls > 1 || total > 256 || i + 17 + total > seg.Length) return null;
                        var table = HuffTable.Build(counts, seg.Slice(i + 17, total), cls == 1);
                        if (table is null) return null;
                        (cls == 0 ? dc : ac)[id] = table;
                        i += 17 + total;
                    }
                    break;
                case 0xC0 or 0xC1:
                    if (seg.Length < 6 || seg[0] != 8) return null;
                    var height = seg[1] << 8 | seg[2];
                    var width = seg[3] << 8 | seg[4];
                    var n = seg[5];
                    if ((n != 1 && n != 3) || seg.Length < 6 + 3 * n || width == 0 || height == 0) return null;
                    if ((long)width * height > DownscaledPixels.MaxPixels) return null;
                    if (Math.Max((width + 7) / 8, (height + 7) / 8) < minLongSide) return null;
                    var comps = new Component[n];
                    for (var c = 0; c < n; c++)
                    {
                        var h = seg[7 + 3 * c] >> 4;
                        var v = seg[7 + 3 * c] & 15;
                        if (h is < 1 or > 4 || v is < 1 or > 4 || seg[8 + 3 * c] > 3) return null;
                        comps[c] = new Component(seg[6 + 3 * c], n == 1 ? 1 : h, n == 1 ? 1 : v, seg[8 + 3 * c]);
                    }
                    frame = new Frame(width, height, comps);
                    break;
                case >= 0xC2 and <= 0xCF when marker is not (0xC4 or 0xC8 or 0xCC):
                    return null;
                case 0xDD:
                    if (seg.Length < 2) return null;
                    restartInterval = seg[0] << 8 | seg[1];
                    break;
                case 0xDA:
                    if (frame is null) return null;
                    return Scan(jpeg, end, seg, frame, q, dc, ac, restartInterval);
            }
            at = end;
        }
        return null;
    }

    private static DcLuma? Scan(byte[] jpeg, int dataStart, ReadOnlySpan<byte> sos, Frame frame, int[] q, HuffTable?[] dcTables, HuffTable?[] acTables, int restartInterval)
    {
        var n = sos.Length > 0 ? sos[0] : 0;
        if (n != frame.Components.Length || sos.Length < 1 + 2 * n + 3) return null;
        if (sos[1 + 2 * n] != 0 || sos[2 + 2 * n] != 63 || sos[3 + 2 * n] != 0) return null;
        var comps = frame.Components;
        var dcs = new HuffTable[n];
        var acs = new HuffTable[n];
        for (var i = 0; i < n; i++)
        {
            var id = sos[1 + 2 * i];
            if (comps[i].Id != id) return null;
            if (dcTables[sos[2 + 2 * i] >> 4] is not { } d || acTables[sos[2 + 2 * i] & 15] is not { } a) return null;
            dcs[i] = d;
            acs[i] = a;
        }
        var hMax = comps.Max(c => c.H);
        var vMax = comps.Max(c => c.V);
        // The luma must be the fully sampled component, as in every camera's 4:4:4, 4:2:2 and 4:2:0.
        if (comps[0].H != hMax || comps[0].V != vMax) return null;
        var mcusX = (frame.Width + 8 * hMax - 1) / (8 * hMax);
        var mcusY = (frame.Height + 8 * vMax - 1) / (8 * vMax);
        var gridW = mcusX * hMax;
        var gridH = mcusY * vMax;
        var outW = (frame.Width + 7) / 8;
        var outH = (frame.Height + 7) / 8;
        var grey = new byte[gridW * gridH];
        var quant = q[comps[0].Table];

        var totalMcus = mcusX * mcusY;
        var perInterval = restartInterval > 0 ? restartInterval : totalMcus;
        var blocks = new int[n];
        for (var i = 0; i < n; i++) blocks[i] = comps[i].H * comps[i].V;
        var hY = comps[0].H;
        var pred = new int[n];
        // The decoder's state in locals, so that the JIT keeps it in registers: the bits not yet taken, MSB first; how many;
        // the next byte to load; and how many zero bytes were made up past a marker or the end of the file.
        ulong bits = 0;
        var count = 0;
        var pos = dataStart;
        var limit = jpeg.Length;
        var madeUp = 0;
        ref var data = ref MemoryMarshal.GetArrayDataReference(jpeg);
        for (var mcu = 0; mcu < totalMcus; mcu++)
        {
            if (mcu > 0 && mcu % perInterval == 0)
            {
                // A restart: the bits left are padding; a made-up bit taken means the interval was cut short.
                if (madeUp * 8 > count) return null;
                var ff = jpeg.AsSpan(pos, limit - pos).IndexOf((byte)0xFF);
                if (ff < 0 || pos + ff + 1 >= limit || jpeg[pos + ff + 1] is < 0xD0 or > 0xD7) return null;
                pos += ff + 2;
                bits = 0;
                count = 0;
                madeUp = 0;
                Array.Clear(pred);
            }
            var mx = mcu % mcusX;
            var my = mcu / mcusX;
            for (var c = 0; c < n; c++)
            {
                var dcT = dcs[c];
                var acT = acs[c];
                ref var fastDc = ref MemoryMarshal.GetArrayDataReference(dcT.Fast);
                ref var skip = ref MemoryMarshal.GetArrayDataReference(acT.Skip);
                for (var b = 0; b < blocks[c]; b++)
                {
                    // DC: its size, then its bits.
                    if (count < 32) Fill(ref data, ref bits, ref count, ref pos, limit, ref madeUp);
                    int size;
                    var e = Unsafe.Add(ref fastDc, (nint)(bits >> (64 - HuffTable.Lookahead)));
                    if (e != 0) { bits <<= e >> 8; count -= e >> 8; size = e & 0xFF; }
                    else if ((size = HuffTable.Slow(dcT, bits, out var len)) >= 0) { bits <<= len; count -= len; }
                    if (size is < 0 or > 16) return null;
                    if (size > 0)
                    {
                        var v = (int)(bits >> (64 - size));
                        bits <<= size;
                        count -= size;
                        pred[c] += v < 1 << (size - 1) ? v - (1 << size) + 1 : v;
                    }
                    // AC: skipped, by whole run/size/value steps where the table has them.
                    for (var k = 1; k < 64;)
                    {
                        if (count < 32) Fill(ref data, ref bits, ref count, ref pos, limit, ref madeUp);
                        var step = Unsafe.Add(ref skip, (nint)(bits >> (64 - HuffTable.Lookahead)));
                        if (step != 0)
                        {
                            var len = step & 0xFF;
                            bits <<= len;
                            count -= len;
                            if ((step & 0x8000) != 0) break;
                            k += step >> 8;
                            continue;
                        }
                        // A short code whose value does not fit the lookahead, or a long code.
                        int rs;
                        var known = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(acT.Fast), (nint)(bits >> (64 - HuffTable.Lookahead)));
                        if (known != 0) { bits <<= known >> 8; count -= known >> 8; rs = known & 0xFF; }
                        else if ((rs = HuffTable.Slow(acT, bits, out var codeLength)) >= 0) { bits <<= codeLength; count -= codeLength; }
                        else return null;
                        var bitsOfValue = rs & 15;
                        if (bitsOfValue == 0)
                        {
                            if (rs != 0xF0) break;
                            k += 16;
                            continue;
                        }
                        bits <<= bitsOfValue;
                        count -= bitsOfValue;
                        k += (rs >> 4) + 1;
                    }
                    if (c == 0)
                    {
                        var x = mx * hMax + b % hY;
                        var y = my * vMax + b / hY;
                        grey[y * gridW + x] = (byte)Math.Clamp(((pred[0] * quant + 4) >> 3) + 128, 0, 255);
                    }
                }
            }
            // Zeros made up past the end of a cut file: no need to decode the rest to know.
            if (madeUp > 64) return null;
        }
        if (madeUp * 8 > count) return null;
        return new DcLuma(frame.Width, frame.Height, grey, outW, outH, gridW);
    }

    /// <summary>
    /// Tops up the bit buffer to at least 56 bits. Eight bytes at a time when none of them is FF (the usual case); otherwise
    /// byte by byte, taking FF 00 as FF and stopping at a marker (a restart or the end of the scan), past which, as past the
    /// end of the file, zero bytes are made up and counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fill(ref byte data, ref ulong bits, ref int count, ref int pos, int limit, ref int madeUp)
    {
        if (pos + 8 <= limit)
        {
            var w = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, pos)));
            if (((~w - 0x0101010101010101UL) & w & 0x8080808080808080UL) == 0)
            {
                bits |= w >> count;
                pos += (63 - count) >> 3;
                count |= 56;
                return;
            }
        }
        FillBytes(ref data, ref bits, ref count, ref pos, limit, ref madeUp);
    }

    private static void FillBytes(ref byte data, ref ulong bits, ref int count, ref int pos, int limit, ref int madeUp)
    {
        while (count <= 56)
        {
            ulong b = 0;
            if (madeUp == 0 && pos < limit)
            {
                b = Unsafe.Add(ref data, pos);
                if (b == 0xFF)
                {
                    if (pos + 1 < limit && Unsafe.Add(ref data, pos + 1) == 0) pos += 2;
                    else { b = 0; madeUp++; }
                }
                else pos++;
            }
            else madeUp++;
            bits |= b << (56 - count);
            count += 8;
        }
    }

    private sealed record Component(int Id, int H, int V, int Table);

    private sealed record Frame(int Width, int Height, Component[] Components);

    /// <summary>A Huffman table: a 9-bit lookahead for short codes (and, for AC tables, the whole run/size/value step when it
    /// fits in 9 bits), the canonical limits for the rest.</summary>
    private sealed class HuffTable
    {
        public const int Lookahead = 11;
        /// <summary>Code length &lt;&lt; 8 | symbol; 0 when the code is longer than the lookahead.</summary>
        public readonly ushort[] Fast = new ushort[1 << Lookahead];
        /// <summary>AC only: total bits (code and value) | (coefficients advanced) &lt;&lt; 8, 0x8000 for end of block.</summary>
        public readonly ushort[] Skip = new ushort[1 << Lookahead];
        public readonly int[] MaxCode = new int[18];
        public readonly int[] ValOffset = new int[17];
        public readonly byte[] Symbols = new byte[256];

        /// <summary>A code longer than the lookahead, from the canonical limits: its symbol and length, or -1.</summary>
        public static int Slow(HuffTable t, ulong bits, out int length)
        {
            for (length = Lookahead + 1; length <= 16; length++)
            {
                var code = (int)(bits >> (64 - length));
                if (code <= t.MaxCode[length]) return t.Symbols[(t.ValOffset[length] + code) & 0xFF];
            }
            return -1;
        }

        public static HuffTable? Build(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols, bool ac)
        {
            var t = new HuffTable();
            symbols.CopyTo(t.Symbols);
            var code = 0;
            var k = 0;
            for (var len = 1; len <= 16; len++)
            {
                t.ValOffset[len] = k - code;
                for (var i = 0; i < counts[len - 1]; i++, k++, code++)
                {
                    if (len <= Lookahead)
                    {
                        var shift = Lookahead - len;
                        var sym = symbols[k];
                        for (var fill = 0; fill < 1 << shift; fill++)
                        {
                            var index = (code << shift) | fill;
                            t.Fast[index] = (ushort)(len << 8 | sym);
                            if (!ac) continue;
                            var size = sym & 15;
                            var run = sym >> 4;
                            if (size == 0) t.Skip[index] = sym == 0 ? (ushort)(0x8000 | len) : sym == 0xF0 ? (ushort)(16 << 8 | len) : (ushort)0;
                            else if (len + size <= Lookahead) t.Skip[index] = (ushort)((run + 1) << 8 | (len + size));
                        }
                    }
                }
                t.MaxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
                if (code > 1 << len) return null;
                code <<= 1;
            }
            t.MaxCode[17] = int.MaxValue;
            return t;
        }
    }

}

/// <summary>The 1/8-scale luma of a <see cref="Width"/>×<see cref="Height"/> picture: <see cref="GreyWidth"/>×<see cref="GreyHeight"/>
/// block means in <see cref="Grey"/>, rows <see cref="Stride"/> apart.</summary>
public sealed record DcLuma(int Width, int Height, byte[] Grey, int GreyWidth, int GreyHeight, int Stride);
