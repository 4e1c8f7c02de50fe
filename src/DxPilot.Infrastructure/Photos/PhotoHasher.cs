using SkiaSharp;

namespace DxPilot.Infrastructure.Photos;

/// <summary>
/// The 64-bit DCT perceptual hash (pHash): the picture as displayed (EXIF orientation applied) reduced to 32×32 grey by
/// box averaging, its 2-D DCT, and one bit per low-frequency coefficient (rows and columns 1-8, skipping the DC terms that
/// only carry overall brightness) set when it is above their median. Re-encoding and resizing change high frequencies and
/// leave these almost untouched, so copies stay within a few bits while different photos differ in about half.
/// </summary>
public static class PhotoHasher
{
    private const int N = 32;
    private static readonly double[,] Cosines = BuildCosines();

    private static double[,] BuildCosines()
    {
        var c = new double[9, N];
        for (var u = 0; u < 9; u++)
            for (var x = 0; x < N; x++) c[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * N));
        return c;
    }

    public static ulong Hash(SKBitmap picture, int orientation) =>
        Hash(new Rgba(picture.GetPixelSpan(), picture.RowBytes), picture.Width, picture.Height, orientation);

    /// <summary>From a JPEG's 1/8-scale luma (<see cref="JpegDcLuma"/>): the same grid as from libjpeg's 1/8-scale decode,
    /// to rounding.</summary>
    public static ulong Hash(DcLuma luma, int orientation) =>
        Hash(new Grey(luma.Grey, luma.Stride), luma.GreyWidth, luma.GreyHeight, orientation);

    private static ulong Hash<T>(T luma, int width, int height, int orientation) where T : ILuma, allows ref struct
    {
        var grey = Oriented(Grey32(luma, width, height), orientation);
        // Only the 9×9 lowest frequencies are needed: rows first, then columns.
        var rows = new double[9, N];
        for (var u = 0; u < 9; u++)
            for (var y = 0; y < N; y++)
            {
                var s = 0d;
                for (var x = 0; x < N; x++) s += Cosines[u, x] * grey[y, x];
                rows[u, y] = s;
            }
        var coefficients = new double[64];
        for (var v = 1; v < 9; v++)
            for (var u = 1; u < 9; u++)
            {
                var s = 0d;
                for (var y = 0; y < N; y++) s += Cosines[v, y] * rows[u, y];
                coefficients[(v - 1) * 8 + (u - 1)] = s;
            }
        var sorted = (double[])coefficients.Clone();
        Array.Sort(sorted);
        var median = (sorted[31] + sorted[32]) / 2;
        var hash = 0UL;
        for (var i = 0; i < 64; i++)
            if (coefficients[i] > median) hash |= 1UL << i;
        return hash;
    }

    /// <summary>Luma (BT.601) averaged over 32×32 equal cells of the picture; a picture under 32 pixels repeats its pixels.</summary>
    private static double[,] Grey32<T>(T luma, int w, int h) where T : ILuma, allows ref struct
    {
        var grey = new double[N, N];
        for (var cy = 0; cy < N; cy++)
        {
            var (y0, y1) = Cell(cy, h);
            for (var cx = 0; cx < N; cx++)
            {
                var (x0, x1) = Cell(cx, w);
                var sum = 0d;
                for (var y = y0; y < y1; y++)
                    for (var x = x0; x < x1; x++) sum += luma.At(x, y);
                grey[cy, cx] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
        return grey;
    }

    private interface ILuma
    {
        double At(int x, int y);
    }

    /// <summary>BT.601 luma of RGBA pixels.</summary>
    private readonly ref struct Rgba(ReadOnlySpan<byte> pixels, int rowBytes) : ILuma
    {
        private readonly ReadOnlySpan<byte> _pixels = pixels;

        public double At(int x, int y)
        {
            var p = y * rowBytes + x * 4;
            return 0.299 * _pixels[p] + 0.587 * _pixels[p + 1] + 0.114 * _pixels[p + 2];
        }
    }

    /// <summary>Luma bytes as stored.</summary>
    private readonly ref struct Grey(ReadOnlySpan<byte> pixels, int stride) : ILuma
    {
        private readonly ReadOnlySpan<byte> _pixels = pixels;

        public double At(int x, int y) => _pixels[y * stride + x];
    }

    private static (int From, int To) Cell(int cell, int length)
    {
        var from = (int)((long)cell * length / N);
        return (from, Math.Max(from + 1, (int)((long)(cell + 1) * length / N)));
    }

    /// <summary>The grid as the picture is displayed: EXIF orientations 2-8 are mirrors and quarter turns of the stored pixels.</summary>
    private static double[,] Oriented(double[,] g, int orientation)
    {
        if (orientation == 1) return g;
        const int m = N - 1;
        var o = new double[N, N];
        for (var y = 0; y < N; y++)
            for (var x = 0; x < N; x++)
                o[y, x] = orientation switch
                {
                    2 => g[y, m - x],
                    3 => g[m - y, m - x],
                    4 => g[m - y, x],
                    5 => g[x, y],
                    6 => g[m - x, y],
                    7 => g[m - x, m - y],
                    8 => g[x, m - y],
                    _ => g[y, x],
                };
        return o;
    }
}
