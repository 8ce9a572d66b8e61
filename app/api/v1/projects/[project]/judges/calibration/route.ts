import { apiRoute } from "@/lib/http/api-route";
import { judgeCalibrationRoute } from "@/lib/calibration/routes";
import { getJudgeCalibration } from "@/lib/calibration/service";

export const GET = apiRoute(judgeCalibrationRoute, ({ principal }) => getJudgeCalibration(principal));
