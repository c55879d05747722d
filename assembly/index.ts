// The module's exports and nothing else.
export { scratchBase, scratchBytes, reserveScratch } from "./memory";
export * from "./discrete";
export * from "./labels";
export * from "./histogram";
export * from "./integrate";
export * from "./losses";
export * from "./estimators";
export * from "./divergences";
export { knnWorkBytes, knnDistances, knnCross, countWithin, ksgColumns, rossColumns } from "./knn";
export { resampleWorkBytes, permutationSums, tableSums, multinomialCounts, bootstrapCounts } from "./resampling";
export { expArrayF64, expArrayF32, pow2ArrayF32 } from "./exp";
export { pairTables } from "./multivariate";
export { historyCounts, historyWorkBytes } from "./dynamics";
export { treesWorkBytes, bestSplitColumns } from "./trees";
export { channelsWorkBytes, capacityBA, rateDistortionBA, informationBottleneckIB, lnArrayF64 } from "./channels";
export { ordinalCountsRows, complexityWorkBytes, templateMatches } from "./complexity";
