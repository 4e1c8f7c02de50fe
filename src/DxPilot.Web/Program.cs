using DxPilot.Web;

return await Platform.RunAsync(args);
