import { defineContract } from "../http/contract";
import { ZCalibrationReport, ZProjectParam } from "./schemas";

export const judgeCalibrationRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/judges/calibration", tag: "Judge calibration",
  summary:
    "Every judge (judge model version + judge prompt version) against gold human labels on the eval results it scored, per dimension: " +
    "quadratic-weighted kappa with a 95% bootstrap interval, Spearman, mean absolute error, confusion matrix (rows human, columns judge), verbosity bias and n; " +
    "calibrated when kappa reaches the project's threshold on at least its minimum sample.",
  permission: null, params: ZProjectParam, response: ZCalibrationReport,
});

export const CALIBRATION_ROUTES = [judgeCalibrationRoute];
