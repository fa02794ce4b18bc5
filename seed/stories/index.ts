import type { DemoStory } from '../story-types'
import { coastlinkAir, crumbBuyout, libraryHours } from './business-opinion'
import { boundaryReview, easterbyBudget, haldenGlacier, kellGrain } from './world-politics'
import { marsaHalim } from './marsa-halim'
import { kotaSeriMarket, nightTrain, portCallowayWater, tanuRice } from './regions'

/**
 * The demo newsroom's stories: every workflow status, and one published story (Coastlink Air)
 * whose current revision is a newer, unpublished draft.
 */
export const demoStories: DemoStory[] = [
  marsaHalim,
  nightTrain,
  portCallowayWater,
  tanuRice,
  kotaSeriMarket,
  kellGrain,
  haldenGlacier,
  easterbyBudget,
  boundaryReview,
  coastlinkAir,
  crumbBuyout,
  libraryHours,
]
