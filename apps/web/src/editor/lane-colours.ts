/** Lane colours offered in the lane menu: the palette a lane without its own colour takes by place. */
export { LANE_COLOURS, laneColour } from '@procmap/model';
