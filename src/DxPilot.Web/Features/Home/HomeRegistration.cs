namespace DxPilot.Web.Features.Home;

/// <summary>The 工作台 and the 待办 sources of the processes that exist; a new process adds its source here.</summary>
public static class HomeRegistration
{
    public static void AddServices(IServiceCollection s)
    {
        s.AddScoped<Workbench>();
        s.AddScoped<TodoList>();
        s.AddScoped<ITodoSource, AssessmentTodo>();
        s.AddScoped<ITodoSource, MissingDataTodo>();
        s.AddScoped<ITodoSource, BenchmarkTodo>();
        s.AddScoped<ITodoSource, ImportProblemTodo>();
        s.AddScoped<ITodoSource, Enterprises.BureauFieldChangeTodo>();
        s.AddScoped<ITodoSource, DiagnosisTodo>();
        s.AddScoped<ITodoSource, FilingTodo>();
    }
}
