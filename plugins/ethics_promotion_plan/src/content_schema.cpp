#include "content_schema.hpp"

#include <planflow/plugin/agency_refs.hpp>

#include <boost/json/parse.hpp>
#include <boost/system/error_code.hpp>

#include <string_view>
#include <utility>

namespace planflow::plugins::ethics {

namespace {

// Kept as JSON text rather than built in code: it reads like the README's
// description of the content and can be copied into tools as it is.
constexpr std::string_view k_schema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม (ethics promotion plan)",
  "x-labels": {"province": {"th": "จังหวัด", "en": "Province"}, "code": {"th": "รหัสจังหวัด", "en": "Province code"}, "name_th": {"th": "ชื่อจังหวัด", "en": "Province name"}, "fiscal_year": {"th": "ปีงบประมาณ (พ.ศ.)", "en": "Fiscal year (BE)"}, "title": {"th": "ชื่อ", "en": "Title"}, "goals": {"th": "เป้าหมาย", "en": "Goals"}, "indicators": {"th": "ตัวชี้วัด", "en": "Indicators"}, "number": {"th": "ลำดับ", "en": "Number"}, "text": {"th": "ข้อความ", "en": "Text"}, "unit": {"th": "หน่วยนับ", "en": "Unit"}, "projects": {"th": "แผนงาน/โครงการ/กิจกรรม", "en": "Projects"}, "activities": {"th": "กิจกรรมย่อย", "en": "Activities"}, "budget": {"th": "งบประมาณ", "en": "Budget"}, "kind": {"th": "ลักษณะงบประมาณ", "en": "Budget kind"}, "baht": {"th": "จำนวนเงิน (บาท)", "en": "Amount (baht)"}, "amount": {"th": "ระบุจำนวนเงิน", "en": "An amount"}, "none": {"th": "ไม่ใช้งบประมาณ", "en": "No budget"}, "unparsed": {"th": "อ่านจำนวนเงินไม่ได้", "en": "Amount unreadable"}, "span": {"th": "ช่วงปีของแผน", "en": "Plan years"}, "first_year": {"th": "ปีแรก (พ.ศ.)", "en": "First year (BE)"}, "last_year": {"th": "ปีสุดท้าย (พ.ศ.)", "en": "Last year (BE)"}, "strategies": {"th": "ยุทธศาสตร์ / กลยุทธ์", "en": "Strategies / tactics"}, "targets": {"th": "ค่าเป้าหมายรายปี", "en": "Targets per year"}, "value": {"th": "ค่าเป้าหมาย", "en": "Target"}, "comparator": {"th": "เงื่อนไข", "en": "Comparator"}, "at_least": {"th": "ไม่น้อยกว่า", "en": "At least"}, "at_most": {"th": "ไม่เกิน", "en": "At most"}, "exactly": {"th": "เท่ากับ", "en": "Exactly"}, "main_agencies": {"th": "หน่วยงานหลัก", "en": "Main agencies"}, "supporting_agencies": {"th": "หน่วยงานสนับสนุน", "en": "Supporting agencies"}, "budget_source": {"th": "แหล่งงบประมาณ", "en": "Budget source"}, "unplaced": {"th": "ข้อมูลที่จัดวางไม่ได้", "en": "Unplaced cells"}, "column": {"th": "คอลัมน์", "en": "Column"}, "line": {"th": "บรรทัด", "en": "Line"}, "national_strategy": {"th": "ยุทธศาสตร์ที่แผนนี้อยู่ภายใต้", "en": "National strategy served"}, "ethical_standards": {"th": "มาตรฐานทางจริยธรรม", "en": "Ethical standards"}, "national_strategy_alignment": {"th": "ความสอดคล้องกับยุทธศาสตร์ชาติ ๒๐ ปี", "en": "Alignment with the 20-year national strategy"}, "vision": {"th": "วิสัยทัศน์", "en": "Vision"}, "missions": {"th": "พันธกิจ", "en": "Missions"}, "plan_goals": {"th": "เป้าหมายของแผน", "en": "Plan goals"}, "implementation": {"th": "การขับเคลื่อนแผนไปสู่การปฏิบัติ", "en": "Implementation"}, "monitoring": {"th": "การติดตามและประเมินผล", "en": "Monitoring and evaluation"}, "frequency": {"th": "ความถี่ (ตามเอกสาร)", "en": "Frequency (as written)"}, "every_months": {"th": "ทุก ๆ กี่เดือน", "en": "Every (months)"}, "committee": {"th": "คณะกรรมการ / คณะทำงาน", "en": "Committee / working group"}, "name": {"th": "ชื่อ", "en": "Name"}, "mandate": {"th": "อำนาจหน้าที่", "en": "Mandate"}, "reporting": {"th": "การรายงานผล", "en": "Reporting duties"}, "budget_sources": {"th": "แหล่งงบประมาณของแผน", "en": "Budget sources"}, "approval": {"th": "การให้ความเห็นชอบแผน", "en": "Approval of the plan"}, "body": {"th": "ผู้ให้ความเห็นชอบ", "en": "Approved by"}, "meeting": {"th": "การประชุมครั้งที่", "en": "Meeting number"}, "date": {"th": "วันที่ให้ความเห็นชอบ (ค.ศ. ปปปป-ดด-วว)", "en": "Date approved (YYYY-MM-DD, CE)"}, "resolution": {"th": "มติ", "en": "Resolution"}},
  "type": "object",
  "required": ["province", "span", "fiscal_year", "title", "strategies"],
  "properties": {
    "province": {
      "type": "object",
      "required": ["code", "name_th"],
      "properties": {
        "code": {"type": "string", "description": "ISO 3166-2:TH, e.g. TH-96"},
        "name_th": {"type": "string"}
      }
    },
    "span": {
      "type": "object",
      "description": "the plan's years, Buddhist era, both inclusive (at most ten)",
      "required": ["first_year", "last_year"],
      "properties": {
        "first_year": {"type": "integer", "minimum": 2400, "maximum": 2799},
        "last_year": {"type": "integer", "minimum": 2400, "maximum": 2799}
      }
    },
    "fiscal_year": {"type": "integer", "description": "the edition's fiscal year (BE), within the span"},
    "title": {"type": "string"},
    "national_strategy": {
      "type": "object",
      "description": "the national strategy the plan is written under (ภายใต้…), as the document names it",
      "required": ["title"],
      "properties": {
        "title": {"$ref": "#/$defs/text"},
        "first_year": {"type": "integer", "minimum": 2400, "maximum": 2799},
        "last_year": {"type": "integer", "minimum": 2400, "maximum": 2799},
        "text": {"type": "string", "description": "the sentence or heading as written"}
      }
    },
    "ethical_standards": {
      "type": "array",
      "description": "the ethical standards (มาตรฐานทางจริยธรรม) the document lists, as it states them",
      "items": {
        "type": "object",
        "required": ["number", "text"],
        "properties": {
          "number": {"type": "integer", "minimum": 1},
          "text": {"$ref": "#/$defs/text"},
          "national_strategy_alignment": {"type": "array", "items": {"$ref": "#/$defs/text"}}
        }
      }
    },
    "vision": {"type": "string", "description": "วิสัยทัศน์"},
    "missions": {"type": "array", "description": "พันธกิจ", "items": {"$ref": "#/$defs/text"}},
    "plan_goals": {"type": "array", "description": "the plan's own goals (เป้าหมาย, section ๒.๔ of the seed)", "items": {"$ref": "#/$defs/text"}},
    "strategies": {
      "type": "array",
      "description": "the five strategies of the public-sector ethics strategy, numbers 1..5 (ยุทธศาสตร์)",
      "items": {"$ref": "#/$defs/strategy"}
    },
    "implementation": {
      "type": "object",
      "description": "how the plan is carried out (การขับเคลื่อนแผนปฏิบัติการไปสู่การปฏิบัติ)",
      "required": ["text"],
      "properties": {"text": {"type": "string"}}
    },
    "monitoring": {
      "type": "object",
      "description": "the monitoring and evaluation section (การติดตามและประเมินผล)",
      "required": ["text"],
      "properties": {
        "text": {"type": "string"},
        "frequency": {"type": "string", "description": "as written, e.g. ทุก ๖ เดือน"},
        "every_months": {"$ref": "#/$defs/every_months"}
      }
    },
    "committee": {
      "type": "object",
      "description": "the committee or working group that made the plan, its mandate and reporting duties",
      "properties": {
        "name": {"type": "string"},
        "mandate": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "reporting": {
          "type": "array",
          "description": "who reports what to whom, and how often when the document says",
          "items": {
            "type": "object",
            "required": ["text"],
            "properties": {
              "text": {"$ref": "#/$defs/text"},
              "frequency": {"type": "string"},
              "every_months": {"$ref": "#/$defs/every_months"}
            }
          }
        }
      }
    },
    "budget_sources": {"type": "array", "description": "the plan's budget sources as the document names them", "items": {"$ref": "#/$defs/text"}},
    "approval": {
      "type": "object",
      "description": "the document's own approval: the meeting that approved this plan",
      "properties": {
        "body": {"type": "string"},
        "meeting": {"type": "string", "description": "meeting number, e.g. 1/2568"},
        "date": {"type": "string", "format": "date", "description": "ISO 8601, Common Era (BE − 543)"},
        "resolution": {"type": "string"},
        "text": {"type": "string", "description": "the paragraph as written"}
      }
    }
  },
  "$defs": {
    "text": {"type": "string", "minLength": 1},
    "every_months": {"type": "integer", "minimum": 1, "maximum": 60, "description": "1 monthly, 3 quarterly, 6 six-monthly, 12 yearly"},
    "strategy": {
      "type": "object",
      "required": ["number", "title", "goals"],
      "properties": {
        "number": {"type": "integer", "minimum": 1, "maximum": 5},
        "title": {"type": "string"},
        "goals": {"type": "array", "items": {"$ref": "#/$defs/goal"}}
      }
    },
    "goal": {
      "type": "object",
      "description": "เป้าหมาย",
      "required": ["id", "text", "indicators"],
      "properties": {
        "id": {"$ref": "#/$defs/text"},
        "text": {"$ref": "#/$defs/text"},
        "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}}
      }
    },
    "indicator": {
      "type": "object",
      "description": "ตัวชี้วัด",
      "required": ["id", "text", "unit", "targets", "strategies"],
      "properties": {
        "id": {"$ref": "#/$defs/text"},
        "text": {"$ref": "#/$defs/text"},
        "unit": {"$ref": "#/$defs/text"},
        "targets": {"$ref": "#/$defs/targets"},
        "strategies": {"type": "array", "description": "กลยุทธ์", "items": {"$ref": "#/$defs/tactic"}}
      }
    },
    "targets": {
      "type": "object",
      "description": "one member per BE year of the span",
      "propertyNames": {"pattern": "^[0-9]{4}$"},
      "additionalProperties": {
        "type": "object",
        "required": ["value"],
        "properties": {
          "value": {"type": ["number", "null"], "description": "null: the document gives no usable number"},
          "text": {"type": "string", "description": "the cell as the document has it"},
          "comparator": {"enum": ["at_least", "at_most", "exactly"], "description": "ไม่น้อยกว่า (also a bare number, and when absent), ไม่เกิน, เท่ากับ"}
        }
      }
    },
    "tactic": {
      "type": "object",
      "description": "กลยุทธ์",
      "required": ["id", "title", "projects"],
      "properties": {
        "id": {"$ref": "#/$defs/text"},
        "title": {"$ref": "#/$defs/text"},
        "projects": {"type": "array", "items": {"$ref": "#/$defs/project"}}
      }
    },
    "project": {
      "type": "object",
      "description": "แผนงาน/โครงการ/กิจกรรม: one row of the plan's table",
      "required": ["id", "title", "main_agencies", "supporting_agencies", "budget"],
      "properties": {
        "id": {"$ref": "#/$defs/text"},
        "title": {"$ref": "#/$defs/text"},
        "activities": {
          "type": "array",
          "description": "the numbered items of the row, when it lists more than one",
          "items": {
            "type": "object",
            "required": ["id", "title"],
            "properties": {"id": {"$ref": "#/$defs/text"}, "title": {"$ref": "#/$defs/text"}}
          }
        },
        "main_agencies": {"type": "array", "items": {"$ref": "#/$defs/agency_ref"}, "minItems": 1},
        "supporting_agencies": {"type": "array", "items": {"$ref": "#/$defs/agency_ref"}},
        "budget": {
          "type": "object",
          "required": ["kind", "baht"],
          "properties": {
            "kind": {"enum": ["amount", "none", "unparsed"]},
            "baht": {"type": ["number", "null"], "minimum": 0},
            "text": {"type": "string"}
          }
        },
        "budget_source": {"type": "string"},
        "unit": {"type": "string", "description": "with targets: the project carries its own targets"},
        "targets": {"$ref": "#/$defs/targets"},
        "unplaced": {
          "type": "array",
          "description": "cells of the document the importer could not place; each is a misplaced_value finding",
          "items": {
            "type": "object",
            "required": ["column", "text"],
            "properties": {
              "column": {"enum": ["budget", "targets", "unit", "agencies"]},
              "text": {"type": "string"},
              "line": {"type": "integer"}
            }
          }
        }
      },
      "dependentRequired": {"targets": ["unit"]}
    }
  }
})json";

}  // namespace

boost::json::object content_schema_json() {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(k_schema, ec);
  if (ec || !parsed.is_object()) return {};
  auto& schema = parsed.as_object();
  schema["$defs"].as_object()["agency_ref"] = plugin::agency_ref_schema();
  auto& labels = schema["x-labels"].as_object();
  for (auto& [name, label] : plugin::agency_ref_labels()) {
    if (!labels.contains(name)) labels[name] = label;
  }
  return std::move(schema);
}

}  // namespace planflow::plugins::ethics
