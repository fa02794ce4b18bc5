import { describe, expect, it } from 'vitest'
import { cropRegion } from './crop-region'

describe('the crops search engines are given', () => {
  it('cuts the largest part of each shape around the focal point', () => {
    expect(cropRegion(3000, 2000, '16x9', 0.5, 0.5)).toEqual({ left: 0, top: 156, width: 3000, height: 1688 })
    expect(cropRegion(3000, 2000, '1x1', 0.5, 0.5)).toEqual({ left: 500, top: 0, width: 2000, height: 2000 })
    expect(cropRegion(3000, 2000, '4x3', 0.2, 0.5)).toEqual({ left: 0, top: 0, width: 2667, height: 2000 })
  })

  it('keeps the crop inside the picture when the focal point is near an edge', () => {
    expect(cropRegion(3000, 2000, '1x1', 0.95, 0.1)).toEqual({ left: 1000, top: 0, width: 2000, height: 2000 })
    expect(cropRegion(1000, 3000, '16x9', 0.5, 0.05)).toEqual({ left: 0, top: 0, width: 1000, height: 563 })
    expect(cropRegion(1000, 3000, '16x9', 0.5, 1)).toEqual({ left: 0, top: 2437, width: 1000, height: 563 })
  })
})
