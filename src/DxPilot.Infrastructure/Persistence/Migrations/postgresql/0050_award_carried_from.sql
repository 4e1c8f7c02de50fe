-- 0050: 再次申报. An application started in a later batch from the enterprise's earlier one (its 申报书 and the directions still
-- open carried over, AwardApplication.StartAgain) names it, so that its page, the county and the experts see that it was
-- applied for before and can open that application. Applications started before are first ones: NULL.
ALTER TABLE "AwardApplications" ADD COLUMN "CarriedFromId" uuid NULL;
