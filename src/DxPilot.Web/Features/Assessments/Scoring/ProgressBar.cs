namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>A one-line progress bar redrawn in place on a terminal ("评分 [######--------------] 30/100").</summary>
public sealed class ProgressBar(TextWriter terminal, int total)
{
    private const int Width = 30;
    private bool _shown;

    public void Show(int done)
    {
        var filled = total == 0 ? Width : done * Width / total;
        terminal.Write($"\r评分 [{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total}");
        _shown = true;
    }

    /// <summary>Blanks the line, so that a message written next starts on a clean line.</summary>
    public void Clear()
    {
        if (!_shown) return;
        terminal.Write($"\r{new string(' ', Width + 32)}\r");
        _shown = false;
    }
}
