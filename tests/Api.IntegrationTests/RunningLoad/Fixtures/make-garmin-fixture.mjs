import { Encoder, Profile, Utils } from "@garmin/fitsdk";
import { writeFileSync } from "node:fs";
// A 5 km run on Monday 30 November 2026 at 06:00 Brisbane (20:00 UTC the day before), 30 min timer, 42 m ascent.
const start = new Date(Date.UTC(2026, 10, 29, 20, 0, 0));
const enc = new Encoder();
enc.onMesg(Profile.MesgNum.FILE_ID, { type: "activity", manufacturer: "development", product: 0, timeCreated: start, serialNumber: 1234 });
const points = 31;
for (let i = 0; i < points; i++) {
  const t = new Date(start.getTime() + i * 60000);
  enc.onMesg(Profile.MesgNum.RECORD, { timestamp: t, distance: 5000 * i / (points - 1), enhancedAltitude: 10 + 42 * i / (points - 1) });
}
const end = new Date(start.getTime() + 30 * 60000);
enc.onMesg(Profile.MesgNum.LAP, { messageIndex: 0, timestamp: end, startTime: start, totalElapsedTime: 1800, totalTimerTime: 1800, totalDistance: 5000, totalAscent: 42, sport: "running" });
enc.onMesg(Profile.MesgNum.SESSION, { messageIndex: 0, timestamp: end, startTime: start, totalElapsedTime: 1800, totalTimerTime: 1800, totalDistance: 5000, totalAscent: 42, sport: "running", subSport: "generic", firstLapIndex: 0, numLaps: 1 });
enc.onMesg(Profile.MesgNum.ACTIVITY, { timestamp: end, numSessions: 1, totalTimerTime: 1800, type: "manual", event: "activity", eventType: "stop" });
writeFileSync(process.argv[2], enc.close());
